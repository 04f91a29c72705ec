"""An agent takes a browser caller's call in the console: the caller's audio goes to the agent, the
agent's audio to the caller, and the bot stays quiet meanwhile.

A browser call that goes on hold for a human registers its `CallBridge` in the per-process
`BRIDGES`, under its handoff id. The agent's websocket (triage/handoff/voice_api.py) looks it up
there and attaches an `AgentLeg`. Two small processors in the call's pipeline do the rest:

    transport.input -> CallerToAgent -> VAD -> STT -> turns -> brain -> TTS -> AgentToCaller -> transport.output

`CallerToAgent` sends the caller's PCM16 (16 kHz mono, as the pipeline receives it) to the agent and
keeps it from VAD, speech-to-text and the brain while an agent is on the line; `AgentToCaller` puts
the agent's PCM16 in front of the output transport as `OutputAudioRawFrame`s.

An agent who hangs up ends the caller's call (the brain's usual end: an `end` event, then the line
is closed). An agent whose socket just drops leaves the caller on hold, where the brain speaks again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from pipecat.frames.frames import Frame, InputAudioRawFrame, InputDTMFFrame, OutputAudioRawFrame
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

log = logging.getLogger(__name__)

BRIDGE_RATE = 16_000  # PCM16 mono in both directions, like the browser call page
# Caller audio the agent's socket has not taken yet: 10 s of 20 ms chunks. A stalled agent
# connection loses the oldest audio instead of making the server buffer without limit.
MAX_QUEUED_CHUNKS = 500

# Called by the bridge when the agent leaves: True when they hung up, False when their line dropped.
AgentLeft = Callable[[bool], Awaitable[None]]


class AgentLeg:
    """The agent's side of one bridged call: the caller's audio waiting to be sent to them."""

    def __init__(self, bridge: CallBridge) -> None:
        self.bridge = bridge
        self.audio: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=MAX_QUEUED_CHUNKS)
        self.caller_gone = False
        self.dropped_chunks = 0

    def hear(self, audio: bytes) -> None:
        if self.audio.full():
            self.dropped_chunks += 1
            self.audio.get_nowait()
        self.audio.put_nowait(audio)

    def end(self) -> None:
        """The caller's call is over: the agent's sender sees None after the audio already queued."""
        self.caller_gone = True
        if self.audio.full():
            self.audio.get_nowait()
        self.audio.put_nowait(None)

    async def say(self, audio: bytes) -> None:
        """The agent's PCM16 to the caller."""
        await self.bridge.to_caller(self, audio)

    async def leave(self, hung_up: bool) -> None:
        await self.bridge.detach(self, hung_up)


class CallBridge:
    """One browser call that an agent may take over once it is on hold for a human."""

    def __init__(self, registry: CallBridges, call_id: str) -> None:
        self.registry = registry
        self.call_id = call_id
        self.handoff_id: str | None = None
        self.agent: AgentLeg | None = None
        self.closed = False
        self._agent_left: AgentLeft | None = None
        self.caller_side = CallerToAgent(self)
        self.agent_side = AgentToCaller(self)

    @property
    def bridged(self) -> bool:
        return self.agent is not None

    # --- the call's side ------------------------------------------------------------------------
    def hold(self, handoff_id: str, agent_left: AgentLeft) -> None:
        """The caller waits on the line for this handoff: an agent may now take the call."""
        if self.closed:
            return
        if self.handoff_id and self.handoff_id != handoff_id:
            self.registry.remove(self.handoff_id, self)
        self.handoff_id = handoff_id
        self._agent_left = agent_left
        self.registry.add(handoff_id, self)

    def close(self) -> None:
        """The call has ended: nobody can take it any more, and an agent on it is told."""
        self.closed = True
        if self.handoff_id:
            self.registry.remove(self.handoff_id, self)
        agent, self.agent = self.agent, None
        if agent is not None:
            agent.end()

    def from_caller(self, audio: bytes) -> None:
        if self.agent is not None:
            self.agent.hear(audio)

    # --- the agent's side -----------------------------------------------------------------------
    def attach(self) -> AgentLeg | None:
        """An agent's line to this caller; None when the call is over or another line has it."""
        if self.closed or self.agent is not None or self.handoff_id is None:
            return None
        self.agent = AgentLeg(self)
        log.info("call %s: an agent took the call (handoff %s)", self.call_id, self.handoff_id)
        return self.agent

    async def detach(self, leg: AgentLeg, hung_up: bool) -> None:
        if self.agent is not leg:
            return
        self.agent = None
        log.info("call %s: the agent %s", self.call_id, "hung up" if hung_up else "lost the line")
        if leg.dropped_chunks:
            log.warning("call %s: %d chunks of caller audio were dropped", self.call_id, leg.dropped_chunks)
        agent_left = self._agent_left if not self.closed else None
        if hung_up:  # the agent ended the caller's call: from now on nobody can take it, even before it has ended
            self.close()
        if agent_left is not None:
            await agent_left(hung_up)

    async def to_caller(self, leg: AgentLeg, audio: bytes) -> None:
        if self.agent is leg and not self.closed:
            await self.agent_side.push_frame(OutputAudioRawFrame(audio=audio, sample_rate=BRIDGE_RATE, num_channels=1))


class CallBridges:
    """Every browser call of this process that waits on hold, by handoff id."""

    def __init__(self) -> None:
        self._bridges: dict[str, CallBridge] = {}

    def line(self, call_id: str) -> CallBridge:
        """A bridge for a new call; it registers itself once the call goes on hold."""
        return CallBridge(self, call_id)

    def get(self, handoff_id: str) -> CallBridge | None:
        return self._bridges.get(handoff_id)

    def add(self, handoff_id: str, bridge: CallBridge) -> None:
        self._bridges[handoff_id] = bridge

    def remove(self, handoff_id: str, bridge: CallBridge) -> None:
        if self._bridges.get(handoff_id) is bridge:
            del self._bridges[handoff_id]

    def __len__(self) -> int:
        return len(self._bridges)


# One registry per process: the agent's websocket reaches only calls on this server instance.
BRIDGES = CallBridges()


class CallerToAgent(FrameProcessor):
    """Right after transport.input: while an agent is on the line, the caller's audio (and keypad)
    goes to them instead of to the bot."""

    def __init__(self, bridge: CallBridge) -> None:
        super().__init__(name=f"caller-to-agent-{bridge.call_id[:8]}")
        self.bridge = bridge

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if self.bridge.bridged and direction == FrameDirection.DOWNSTREAM:
            if isinstance(frame, InputAudioRawFrame):
                self.bridge.from_caller(frame.audio)
                return
            if isinstance(frame, InputDTMFFrame):
                return  # the caller talks to a person now; a key must not make the bot speak
        await self.push_frame(frame, direction)


class AgentToCaller(FrameProcessor):
    """Right before transport.output: the agent's audio enters the call here (see `CallBridge.to_caller`)."""

    def __init__(self, bridge: CallBridge) -> None:
        super().__init__(name=f"agent-to-caller-{bridge.call_id[:8]}")
        self.bridge = bridge

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        await self.push_frame(frame, direction)
