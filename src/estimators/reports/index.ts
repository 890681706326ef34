/** Synthesis-report parsing and hls4ml project reading: the public surface of `estimators/reports`. */
export type {
  ConvGeometry,
  CsynthReport,
  Hls4mlProject,
  HlsTool,
  InstanceRow,
  LayerKernels,
  ParametersConfig,
  ResourceCounts,
  VivadoSynthReport,
} from './types.js';
export { parseCsynthXml } from './csynth-xml.js';
export { parseCsynthRpt } from './csynth-rpt.js';
export { parseVivadoSynthRpt } from './vivado-synth-rpt.js';
export { parseParametersH } from './parameters-h.js';
export { parseDefinesH } from './defines-h.js';
export { parseProjectTcl, type TclProjectSettings } from './project-tcl.js';
export { parseProjectYml, type YmlProjectSettings } from './project-yml.js';
export { assembleHls4mlProject, mergeCsynth, readHls4mlProject, type ProjectTexts } from './hls4ml-project.js';
export { configIdOf } from './cells.js';
export { kernelFileOf, parseWeightsFile, parseWeightsH, parseWeightsTxt, type KernelParam } from './weights-file.js';
