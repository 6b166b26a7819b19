"""The ground everything else stands on: the vocabulary, severities, findings, the five
principles, the organisation model, its validation, located errors, text safety and the schema.

Nothing here imports the rules, the reporters, the diagrams or the CLI.
"""
