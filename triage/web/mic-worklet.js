// Microphone capture for the call page: runs on the audio thread, turns the AudioContext's native rate
// (usually 48 kHz) into 16 kHz mono PCM16 and posts it in 20 ms chunks (320 samples, 640 bytes), which
// is what the server's BrowserFrameSerializer expects on the websocket.
//
// Downsampling averages the input samples that fall into each output sample's period: a box filter is
// a crude low-pass, but it removes most of what would alias into the speech band, costs almost nothing,
// and works for any ratio (44.1 kHz as well as 48 kHz), keeping its phase across the 128-frame blocks.

const TARGET_RATE = 16000;
const CHUNK_SAMPLES = 320; // 20 ms at 16 kHz

class MicDownsampler extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE; // input samples per output sample
    this.acc = 0; // running sum of the current output sample's inputs
    this.count = 0; // how many inputs are in acc
    this.until = this.step; // input position (relative) where the current output sample ends
    this.pos = 0; // input samples seen since the current output sample began
    this.chunk = new Int16Array(CHUNK_SAMPLES);
    this.filled = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const channels = input.length;
    const frames = input[0].length;
    for (let i = 0; i < frames; i++) {
      let s = 0;
      for (let c = 0; c < channels; c++) s += input[c][i];
      this.acc += s / channels;
      this.count++;
      this.pos++;
      if (this.pos >= this.until) {
        this.emit(this.acc / this.count);
        this.acc = 0;
        this.count = 0;
        // The overshoot counts against the next period, so the output rate is exact on average.
        this.until = this.step - (this.pos - this.until);
        this.pos = 0;
      }
    }
    return true;
  }

  emit(value) {
    const clamped = Math.max(-1, Math.min(1, value));
    this.chunk[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    if (this.filled === CHUNK_SAMPLES) {
      const out = this.chunk.buffer;
      this.port.postMessage(out, [out]);
      this.chunk = new Int16Array(CHUNK_SAMPLES);
      this.filled = 0;
    }
  }
}

registerProcessor("mic-downsampler", MicDownsampler);
