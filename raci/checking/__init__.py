"""Running the rules: configuration, the checker, the principle scorecard and baselines."""
