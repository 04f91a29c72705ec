"""What a call's channel means for what it leaves behind (read by the store and the handoff queue)."""

# Channels where the caller stays on the line, waiting, after being handed over.
VOICE_CHANNELS = ("twilio", "browser")
# operator (issue 13): a test call (`triage chat`, `simulate`, `/ws/text?test=1`) stores its outcome like any
# call, but its handoff, order or message has status "test": never in the live queue or a live list,
# escalated, pushed or sent to webhooks; admins see them under "show test calls"
TEST_CHANNEL = "test"
TEST = "test"
