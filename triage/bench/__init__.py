"""What `triage bench` measures us against: a stock pipecat bot, started as its own process."""
