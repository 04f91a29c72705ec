"""How a call arrives: Twilio Media Streams and the browser call page, translated into pipecat frames."""
