// Playback of a live line's audio, shared by the call page (call.js) and the agent console (agent.js):
// binary PCM16 mono chunks, scheduled back to back on the AudioContext clock, so there are no gaps
// between them. An ES module.

export class PcmPlayer {
  /**
   * @param {AudioContext} ctx
   * @param {object} options
   *   rate: the chunks' sample rate; lead: seconds of headroom when playback (re)starts, so the first
   *   chunk is not clipped; onAudio(bytes): every chunk that arrives; onPlaying(bool): whether
   *   anything is playing; onMark(name): a mark's audio has been heard (see mark()).
   */
  constructor(ctx, { rate, lead, onAudio = () => {}, onPlaying = () => {}, onMark = () => {} }) {
    this.ctx = ctx;
    this.rate = rate;
    this.lead = lead;
    this.onAudio = onAudio;
    this.onPlaying = onPlaying;
    this.onMark = onMark;
    this.next = 0; // context time at which the next chunk starts
    this.sources = new Set();
    this.marks = new Map(); // source → names of marks that fall due when it ends
    this.last = null;
  }

  play(arrayBuffer) {
    this.onAudio(arrayBuffer.byteLength);
    const pcm = new Int16Array(arrayBuffer, 0, arrayBuffer.byteLength >> 1);
    if (pcm.length === 0 || this.ctx.state === "closed") return;
    const buffer = this.ctx.createBuffer(1, pcm.length, this.rate);
    const samples = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 32768;
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(this.ctx.destination);
    const start = Math.max(this.next, this.ctx.currentTime + (this.sources.size ? 0 : this.lead));
    source.start(start);
    this.next = start + buffer.duration;
    this.sources.add(source);
    this.last = source;
    this.onPlaying(true);
    source.onended = () => this.ended(source);
  }

  ended(source) {
    this.sources.delete(source);
    if (this.last === source) this.last = null;
    const due = this.marks.get(source) || [];
    this.marks.delete(source);
    for (const name of due) this.onMark(name);
    if (this.sources.size === 0) this.onPlaying(false);
  }

  /** Echo a mark when everything queued before it has been heard (at once if nothing is queued). */
  mark(name) {
    if (!this.last) {
      this.onMark(name);
      return;
    }
    const due = this.marks.get(this.last) || [];
    due.push(name);
    this.marks.set(this.last, due);
  }

  /**
   * Silence everything queued now (barge-in, or the line is released). Pending marks are echoed at
   * once, as Twilio does on `clear`, so the server never waits for a mark whose audio will never play.
   */
  clear() {
    const due = [...this.marks.values()].flat();
    this.marks.clear();
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // never started or already stopped: nothing to silence
      }
    }
    this.sources.clear();
    this.last = null;
    this.next = 0;
    this.onPlaying(false);
    for (const name of due) this.onMark(name);
  }

  /** Seconds of audio still queued, so an ended call can let its last sentence finish. */
  remaining() {
    return Math.max(0, this.next - this.ctx.currentTime);
  }
}
