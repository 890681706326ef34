/**
 * What an io_stream FIFO costs: shallow or small ones are SRL shift registers in LUTs (one LUT per bit of width
 * per 32 entries), deep ones block RAM by aspect ratio; both need pointer/flag logic.
 * @see /work/shared/docs/hls4ml.md §2.13 ("HLS uses SRL/LUTRAM for shallow FIFOs … and BRAM for deep ones")
 */
import { bram18For } from '../bram.js';
import type { Parameters } from '../calibration/parameters.js';

/** BRAM_18K and LUTs of a FIFO `widthBits` wide and `depth` deep. */
export function fifoCost(widthBits: number, depth: number, p: Parameters): { bram18: number; lut: number } {
  if (depth <= 0 || widthBits <= 0) return { bram18: 0, lut: 0 };
  if (depth <= p.fifoSrlMaxDepth || widthBits * depth < p.fifoMinBramBits) {
    return { bram18: 0, lut: widthBits * Math.ceil(depth / 32) + p.lutPerFifoControl };
  }
  return { bram18: bram18For(widthBits, depth), lut: p.lutPerFifoControl };
}
