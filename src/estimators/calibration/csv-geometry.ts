/**
 * Sizes of a layer from a synthesis-CSV row: matrix size for dense layers, window geometry for convolutions and
 * pooling (cells naming another field, such as `n_filt` or `pool_height`, are followed), element and pixel counts
 * for element-wise layers (pixels from the `nnet::array<T, N>` pack of io_stream rows).
 */
import type { LayerFamily, LayerSignature } from '../signature.js';
import type { CsvRow } from './csv-records.js';

/** The geometry part of a signature. */
export type RowGeometry = Partial<Pick<LayerSignature,
  'nIn' | 'nOut' | 'nWeights' | 'inHeight' | 'inWidth' | 'nChan' | 'filtHeight' | 'filtWidth' | 'nFilt' | 'strideHeight' | 'strideWidth'
  | 'outHeight' | 'outWidth' | 'inPixels' | 'outPixels' | 'elements' | 'channels'>>;

function cellValue(r: CsvRow, col: string, seen = 0): number | undefined {
  const v = (r[col] ?? '').trim();
  if (/^\d+$/.test(v)) return Number(v);
  if (seen < 2 && /^[a-z_]+$/.test(v) && r[v] !== undefined) return cellValue(r, v, seen + 1);
  return undefined;
}

function strides(r: CsvRow): [number, number] | undefined {
  const m = /^(\d+)x(\d+)$/.exec((r['stride'] ?? '').trim());
  if (m) return [Number(m[1]), Number(m[2])];
  const s = cellValue(r, 'stride');
  return s !== undefined ? [1, s] : undefined;
}

function windowOf(r: CsvRow, family: LayerFamily): RowGeometry | string {
  const st = strides(r);
  const inW = cellValue(r, 'in_w');
  const nChan = cellValue(r, 'in_c');
  const nFilt = cellValue(r, 'n_filt') ?? (family === 'pooling' ? nChan : undefined);
  if (inW === undefined || nChan === undefined || nFilt === undefined) return 'window geometry missing';
  const inH = cellValue(r, 'in_h') ?? 1;
  const [sh, sw] = st ?? [1, 1];
  const fh = cellValue(r, 'filt_h') ?? (family === 'pooling' ? sh : inH === 1 ? 1 : undefined);
  const fw = cellValue(r, 'filt_w') ?? (family === 'pooling' ? sw : undefined);
  if (fh === undefined || fw === undefined) return 'filter size missing';
  const outH = Math.floor((inH - fh) / sh) + 1;
  const outW = Math.floor((inW - fw) / sw) + 1;
  if (outH < 1 || outW < 1) return 'window larger than input';
  const depthwise = family === 'depthwise';
  const nIn = family === 'pooling' ? fh * fw : fh * fw * nChan;
  return {
    nIn, nOut: nFilt, nWeights: family === 'pooling' ? 0 : depthwise ? nIn : nIn * nFilt,
    inHeight: inH, inWidth: inW, nChan, filtHeight: fh, filtWidth: fw, nFilt, strideHeight: sh, strideWidth: sw,
    outHeight: outH, outWidth: outW, inPixels: inH * inW, outPixels: outH * outW, elements: outH * outW * nFilt, channels: nFilt,
  };
}

/** Geometry of a row of `family`, or why it cannot be known. */
export function geometryOfRow(r: CsvRow, family: LayerFamily, pack: number | undefined): RowGeometry | string {
  switch (family) {
    case 'dense': {
      const nIn = cellValue(r, 'n_in');
      const nOut = cellValue(r, 'n_out');
      if (nIn === undefined || nOut === undefined) return 'n_in/n_out missing';
      return { nIn, nOut, nWeights: nIn * nOut, elements: nOut, channels: nOut, inPixels: 1, outPixels: 1 };
    }
    case 'conv1d': case 'conv2d': case 'pointwise': case 'depthwise': case 'separable': case 'pooling':
      return windowOf(r, family);
    case 'zeropad': case 'upsampling': {
      const inW = cellValue(r, 'in_w');
      const c = cellValue(r, 'in_c');
      if (inW === undefined || c === undefined) return 'input size missing';
      const inH = cellValue(r, 'in_h') ?? 1;
      return { inHeight: inH, inWidth: inW, nChan: c, nFilt: c, outHeight: inH, outWidth: inW, inPixels: inH * inW, outPixels: inH * inW, elements: inH * inW * c, channels: c };
    }
    default: {
      const n = cellValue(r, 'n_in');
      if (n === undefined) return 'element count missing';
      const filt = cellValue(r, 'n_filt');
      const channels = pack ?? (family === 'batchnorm' && filt !== undefined && filt > 0 ? filt : n);
      const px = Math.max(1, Math.round(n / Math.max(1, channels)));
      return { nIn: n, nOut: n, elements: n, channels, inPixels: px, outPixels: px, nChan: channels, nFilt: channels };
    }
  }
}
