/**
 * Typed records read from Vivado HLS / Vitis HLS / Vivado reports and from a generated hls4ml project folder.
 * These are on-disk facts (what the tools wrote), not estimates: every count is in the unit the name says.
 * @see /work/shared/docs/hls4ml.md §5 (project layout) and §6 (report formats)
 */
import type { KernelParam } from './weights-file.js';

/** The C-synthesis tool that wrote a report. */
export type HlsTool = 'vivado_hls' | 'vitis_hls';

/** One set of FPGA resource counts; `bram18` is always in 18 Kb block-RAM units. */
export interface ResourceCounts {
  readonly bram18: number;
  readonly dsp: number;
  readonly ff: number;
  readonly lut: number;
  readonly uram: number;
}

/** One row of a csynth "Detail: Instance" table (resources joined with the per-instance latency table). */
export interface InstanceRow extends ResourceCounts {
  /** Instance name as printed, e.g. `dense_array_array_ap_fixed_16_6_5_3_0_5u_config2_U0`. */
  readonly instance: string;
  /** Module (function) name, e.g. `dense_array_array_ap_fixed_16_6_5_3_0_5u_config2_s`. */
  readonly module: string;
  /** Latency in cycles; undefined when the tool printed `?` or `undef`, or the row has no latency entry. */
  readonly latencyMin?: number;
  readonly latencyMax?: number;
  readonly intervalMin?: number;
  readonly intervalMax?: number;
  /** Pipeline type column (`none`, `function`, `dataflow`, `yes`, …) when printed. */
  readonly pipelineType?: string;
  /** The N of `config<N>` in the module name (the hls4ml layer index), when there is one. */
  readonly configId?: number;
}

/** A whole C-synthesis report for the top function (from `<top>_csynth.xml` or `<top>_csynth.rpt`). */
export interface CsynthReport {
  readonly tool: HlsTool;
  /** Tool version, e.g. `2020.1`. */
  readonly version: string;
  /** Target part as the tool prints it, e.g. `xc7z020-clg400-1`. */
  readonly part: string;
  readonly topModel: string;
  readonly targetClockNs: number;
  readonly estimatedClockNs: number;
  readonly clockUncertaintyNs?: number;
  /** Overall latency in cycles; undefined for `?` / `undef` (data-dependent loops). */
  readonly latencyBest?: number;
  readonly latencyWorst?: number;
  readonly intervalMin?: number;
  readonly intervalMax?: number;
  /** `dataflow`, `function`, `none`, `yes`, … as printed. */
  readonly pipelineType?: string;
  /** Estimated use, in csynth units (BRAM_18K). */
  readonly resources: ResourceCounts;
  /** The part's totals as printed in the report (the whole device, not one SLR). */
  readonly available: ResourceCounts;
  /** Per-instance rows; empty when the report has no instance table (the top-level XML never has one). */
  readonly instances: readonly InstanceRow[];
}

/** Post-synthesis utilisation from Vivado's `report_utilization` (`vivado_synth.rpt`). */
export interface VivadoSynthReport {
  readonly lut: number;
  readonly ff: number;
  /** 18 Kb block-RAM units: the report's "Block RAM Tile" count (36 Kb tiles, may end in .5) times 2. */
  readonly bram18: number;
  readonly dsp: number;
  readonly uram: number;
  /** The `Device` line of the header, e.g. `7z020clg400-1`, when present. */
  readonly device?: string;
}

/** Geometry fields of a conv / pooling config struct (only those the struct defines). */
export interface ConvGeometry {
  readonly inHeight?: number;
  readonly inWidth?: number;
  readonly nChan?: number;
  readonly filtHeight?: number;
  readonly filtWidth?: number;
  readonly nFilt?: number;
  readonly strideHeight?: number;
  readonly strideWidth?: number;
  readonly outHeight?: number;
  readonly outWidth?: number;
  readonly padTop?: number;
  readonly padBottom?: number;
  readonly padLeft?: number;
  readonly padRight?: number;
}

/** One `struct <name> : nnet::<base>` from `firmware/parameters.h`. */
export interface ParametersConfig {
  /** Struct name, e.g. `config2`, `relu_config3`, `config2_mult`. */
  readonly name: string;
  /** The N in the name (`config2` → 2, `softmax_config10` → 10), when there is one. */
  readonly configId?: number;
  /** Base struct without namespace, e.g. `dense_config`, `conv2d_config`, `activ_config`. */
  readonly base: string;
  /** The `// <layer name>` comment hls4ml writes above a layer's structs, when present. */
  readonly layerName?: string;
  readonly nIn?: number;
  readonly nOut?: number;
  readonly reuseFactor?: number;
  /** `latency` / `resource` / … from `nnet::<strategy>`. */
  readonly strategy?: string;
  /** `io_parallel` / `io_stream` from `nnet::<io_type>`. */
  readonly ioType?: string;
  readonly nZeros?: number;
  readonly nNonzeros?: number;
  readonly tableSize?: number;
  readonly geometry?: ConvGeometry;
  /** C++ type names of the struct's `typedef <type> weight_t;` etc. */
  readonly weightT?: string;
  readonly biasT?: string;
  readonly accumT?: string;
  readonly tableT?: string;
  /** `typedef config2_mult mult_config;` → `config2_mult`. */
  readonly multConfig?: string;
  /** Every `static const <type> <name> = <value>;` literally, for fields not promoted above. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A layer's kernel tensors from its weight files, flattened as hls4ml wrote them. */
export type LayerKernels = Readonly<Partial<Record<KernelParam, readonly number[]>>>;

/** A generated hls4ml project folder with whatever configuration and reports it holds. */
export interface Hls4mlProject {
  readonly dir: string;
  readonly projectName: string;
  /** Part the project targets: project.tcl, build_prj.tcl, hls4ml_config.yml, else the csynth report. */
  readonly part?: string;
  /** Clock the project asked for (same precedence); the report's own target is `csynth.targetClockNs`. */
  readonly clockPeriodNs?: number;
  readonly ioType?: string;
  /** Global strategy from `hls4ml_config.yml` (`HLSConfig.Model.Strategy`, lower-cased). */
  readonly strategy?: string;
  /** Global reuse factor from `HLSConfig.Model.ReuseFactor`. */
  readonly reuseFactor?: number;
  readonly backend?: string;
  readonly layers: readonly ParametersConfig[];
  /** `typedef <type> <name>;` lines of `firmware/defines.h`, by name. */
  readonly typedefs: Readonly<Record<string, string>>;
  readonly csynth?: CsynthReport;
  readonly vivadoSynth?: VivadoSynthReport;
  /**
   * Kernel values from `firmware/weights/` by layer index (the N of `config<N>`), as written (not re-quantised),
   * when the project holds readable weight files.
   */
  readonly weights?: Readonly<Record<number, LayerKernels>>;
  /** Project files that could not be read and were left out, one line each: `<file>: <problem>`. */
  readonly warnings?: readonly string[];
  /** Files that were read, relative to `dir`. */
  readonly filesRead: readonly string[];
}
