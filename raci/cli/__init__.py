"""The command line: parse options, call the library, map results to exit codes."""
