/**
 * Resource totals of the FPGA parts hls4ml users target. `bram18` counts 18 Kb block RAMs (twice the 36 Kb
 * count in Xilinx product tables), `uram` 288 Kb UltraRAMs, `ff` CLB flip-flops, `lut` CLB LUTs.
 *
 * Sources, per entry: "csynth" means the `Available` row of real C-synthesis reports collected in
 * `shared/data/synth_reports.csv` (columns avail_bram/avail_dsp/avail_ff/avail_lut; the row named gives
 * repository, path and commit there); otherwise the Xilinx/AMD product table named (DS180: 7 Series overview,
 * DS190: Zynq-7000 overview, DS890: UltraScale architecture overview, DS891: Zynq UltraScale+ MPSoC overview,
 * DS889: Zynq UltraScale+ RFSoC overview, DS962: Alveo U200/U250, DS963: Alveo U280, DS965: Alveo U50,
 * DS950: Versal AI Core overview). URAM counts also appear in csynth `Available` rows where cited.
 */

/** FPGA architecture generation. */
export type DeviceFamily = '7series' | 'ultrascale' | 'ultrascale+' | 'versal';

/** The DSP slice primitive of a family. */
export type DspType = 'DSP48E1' | 'DSP48E2' | 'DSP58';

/** One FPGA part's resource totals. */
export interface Device {
  /** Base part name without package/speed grade, e.g. `xcvu13p`. */
  readonly name: string;
  readonly family: DeviceFamily;
  readonly dspType: DspType;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  /** 18 Kb block RAMs. */
  readonly bram18: number;
  /** 288 Kb UltraRAMs (0 where the family has none). */
  readonly uram: number;
  /** Where the numbers come from. */
  readonly source: string;
}

const CSV = 'csynth Available row, shared/data/synth_reports.csv';

/** The device table, one entry per base part name. */
export const DEVICES: readonly Device[] = [
  // 7 series (DSP48E1, no UltraRAM)
  { name: 'xc7z007s', family: '7series', dspType: 'DSP48E1', lut: 14400, ff: 28800, dsp: 66, bram18: 100, uram: 0, source: `${CSV} (ArgyKokk/hls4ml_MLP_estimator, vitis_hls 2021.1); DS190` },
  { name: 'xc7z020', family: '7series', dspType: 'DSP48E1', lut: 53200, ff: 106400, dsp: 220, bram18: 280, uram: 0, source: `${CSV} (fastmachinelearning/hls4ml test/pytest/test_report); DS190` },
  { name: 'xc7z045', family: '7series', dspType: 'DSP48E1', lut: 218600, ff: 437200, dsp: 900, bram18: 1090, uram: 0, source: 'DS190 Zynq-7000 product table (545 × 36 Kb BRAM)' },
  { name: 'xc7a100t', family: '7series', dspType: 'DSP48E1', lut: 63400, ff: 126800, dsp: 240, bram18: 270, uram: 0, source: 'DS180 7 Series product table, Artix-7 (135 × 36 Kb BRAM)' },
  { name: 'xc7vx690t', family: '7series', dspType: 'DSP48E1', lut: 433200, ff: 866400, dsp: 3600, bram18: 2940, uram: 0, source: `${CSV} (fastmachinelearning/hls4ml keras-to-hls reuse scan, vivado_hls 2016.4); DS180` },
  // UltraScale (DSP48E2, no UltraRAM)
  { name: 'xcku040', family: 'ultrascale', dspType: 'DSP48E2', lut: 242400, ff: 484800, dsp: 1920, bram18: 1200, uram: 0, source: 'DS890 Kintex UltraScale product table (600 × 36 Kb BRAM)' },
  { name: 'xcku115', family: 'ultrascale', dspType: 'DSP48E2', lut: 663360, ff: 1326720, dsp: 5520, bram18: 4320, uram: 0, source: `${CSV} (fastmachinelearning/hls4ml galapagos, vivado_hls 2018.2); DS890` },
  // Zynq UltraScale+ (DSP48E2)
  { name: 'xczu3eg', family: 'ultrascale+', dspType: 'DSP48E2', lut: 70560, ff: 141120, dsp: 360, bram18: 432, uram: 0, source: `${CSV} (fastmachinelearning/ml4quantum-release, vivado_hls 2019.1); DS891` },
  { name: 'xczu7ev', family: 'ultrascale+', dspType: 'DSP48E2', lut: 230400, ff: 460800, dsp: 1728, bram18: 624, uram: 96, source: 'DS891 Zynq UltraScale+ MPSoC product table (312 × 36 Kb BRAM, 96 URAM); matches public csynth Available rows' },
  { name: 'xczu9eg', family: 'ultrascale+', dspType: 'DSP48E2', lut: 274080, ff: 548160, dsp: 2520, bram18: 1824, uram: 0, source: `${CSV} (YanLunHuang/conv2d_test, vivado_hls 2019.2); DS891` },
  { name: 'xczu49dr', family: 'ultrascale+', dspType: 'DSP48E2', lut: 425280, ff: 850560, dsp: 4272, bram18: 2160, uram: 80, source: `${CSV} (SpAllen0726/HG-DREAM-Pulse-Detection-Project, vitis_hls 2023.1); URAM from DS889` },
  // Virtex UltraScale+ and Alveo cards (DSP48E2)
  { name: 'xcvu9p', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1182240, ff: 2364480, dsp: 6840, bram18: 4320, uram: 960, source: `${CSV} (YanLunHuang/hls4ml_layer, vivado_hls 2019.2); URAM from csynth Available rows; DS890` },
  { name: 'xcvu11p', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1296000, ff: 2592000, dsp: 9216, bram18: 4032, uram: 960, source: 'DS890 Virtex UltraScale+ product table (2,016 × 36 Kb BRAM); matches public csynth Available rows' },
  { name: 'xcvu13p', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1728000, ff: 3456000, dsp: 12288, bram18: 5376, uram: 1280, source: 'DS890 Virtex UltraScale+ product table (2,688 × 36 Kb BRAM, 1,280 URAM)' },
  { name: 'xcu50', family: 'ultrascale+', dspType: 'DSP48E2', lut: 871680, ff: 1743360, dsp: 5952, bram18: 2688, uram: 640, source: `${CSV} (pominiq/DNNonSilicon MNIST_R16, vivado_hls 2020.1; URAM 640 in the same report); DS965` },
  { name: 'xcu55c', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1303680, ff: 2607360, dsp: 9024, bram18: 4032, uram: 960, source: `${CSV} (YanLunHuang/LFADS, vitis_hls 2022.2); URAM from the Alveo U55C data sheet` },
  { name: 'xcu250', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1728000, ff: 3456000, dsp: 12288, bram18: 5376, uram: 1280, source: `${CSV} (ChiRuiChen/Face_detection_HLS, vivado_hls 2019.2); URAM from DS962` },
  { name: 'xcu280', family: 'ultrascale+', dspType: 'DSP48E2', lut: 1303680, ff: 2607360, dsp: 9024, bram18: 4032, uram: 960, source: `${CSV} (pominiq/DNNonSilicon model_old, vivado_hls 2020.1); URAM from DS963 and csynth Available rows` },
  // Versal (DSP58)
  { name: 'xcvc1902', family: 'versal', dspType: 'DSP58', lut: 899840, ff: 1799680, dsp: 1968, bram18: 1934, uram: 463, source: 'DS950 Versal AI Core product table (967 × 36 Kb BRAM, 463 URAM)' },
];
