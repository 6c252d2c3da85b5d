"""Pure values and vocabulary: stdlib and pendulum only."""
