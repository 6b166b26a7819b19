"""The article's five misconceptions, as principles the rules and the scorecard refer to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.i18n import N_, gettext
from raci.model.vocabulary import Activity, Audience, Function

if TYPE_CHECKING:
    from raci.model.organization import Task


@dataclass(frozen=True)
class Principle:
    """One misconception and its truth; the texts are stored in English and read translated."""

    number: int
    misconception_source: str
    truth_source: str

    @property
    def misconception(self) -> str:
        """The misconception in the current language."""
        return gettext(self.misconception_source)

    @property
    def truth(self) -> str:
        """What the article says instead, in the current language."""
        return gettext(self.truth_source)

    @property
    def checks(self) -> str:
        """What its rules check, in their own words (each rule states its part)."""
        from raci.rules import principle_checks

        return principle_checks(self.number)


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        N_("Social media is a marketing channel"),
        N_(
            "It is a communication channel: the first thing a company meets there is usually a "
            "complaint, answered in public."
        ),
    ),
    Principle(
        2,
        N_("ROI must be immediate and measurable per post"),
        N_(
            "Returns come after value is delivered (audience, then community, then authority and "
            "trust) and grow over years."
        ),
    ),
    Principle(
        3,
        N_("Marketing should own social media"),
        N_(
            "Customer service, PR and sales answer concerns, talk to media and handle objections "
            "every day; marketing crafts messages, monitors, publishes and measures impact."
        ),
    ),
    Principle(
        4,
        N_("Social media mistakes destroy companies"),
        N_("Mistakes are rarely disasters; resolving one openly builds trust."),
    ),
    Principle(
        5,
        N_("Social media is free"),
        N_("Discovering, selecting, publishing, responding and promoting all cost time and money."),
    ),
)

PRINCIPLES_BY_NUMBER = {principle.number: principle for principle in PRINCIPLES}

#: The function the article expects to own each kind of work that is not marketing's.
NATURAL_OWNER: dict[Activity, Function] = {
    Activity.RESPOND: Function.CUSTOMER_SERVICE,
    Activity.SELL: Function.SALES,
    Activity.RECOVER: Function.PUBLIC_RELATIONS,
    Activity.MEDIA_RELATIONS: Function.PUBLIC_RELATIONS,
}

#: Who naturally answers an audience that is not customers: never customer service.
AUDIENCE_OWNER: dict[Audience, Function] = {
    Audience.CANDIDATES: Function.HR,
    Audience.EMPLOYEES: Function.HR,
    Audience.MEDIA: Function.PUBLIC_RELATIONS,
    Audience.INVESTORS: Function.EXECUTIVE,
    Audience.PARTNERS: Function.SALES,
}


def natural_owner(task: Task) -> Function | None:
    """The function that would naturally own a task, or None when nothing says.

    Customer-facing social work goes by activity (customer service responds, sales sells,
    marketing the rest); work for another audience goes to whoever faces that audience, so
    replies to job candidates are HR's, never customer service's. Non-social work: None.
    """
    if task.is_customer_facing:
        return NATURAL_OWNER.get(task.activity, Function.MARKETING)
    if task.is_social:
        return AUDIENCE_OWNER.get(task.audience)
    return None


#: Marketing's own part of the work (misconception 3).
MARKETING_ACTIVITIES: tuple[Activity, ...] = (
    Activity.CREATE,
    Activity.PUBLISH,
    Activity.MONITOR,
    Activity.MEASURE,
)

#: The five activities the article says cost money (misconception 5).
COSTLY_ACTIVITIES: tuple[Activity, ...] = (
    Activity.DISCOVER,
    Activity.SELECT,
    Activity.PUBLISH,
    Activity.RESPOND,
    Activity.PROMOTE,
)

#: Which activity a function would most naturally own, for suggestions.
NATURAL_ACTIVITY: dict[Function, Activity] = {
    Function.CUSTOMER_SERVICE: Activity.RESPOND,
    Function.PUBLIC_RELATIONS: Activity.RECOVER,
    Function.SALES: Activity.SELL,
    Function.MARKETING: Activity.PUBLISH,
}
