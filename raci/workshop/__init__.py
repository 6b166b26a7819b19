"""Workshop features built on a checked organisation: diff, what-if, suggest, the HTML report
and the spreadsheet round trip."""
