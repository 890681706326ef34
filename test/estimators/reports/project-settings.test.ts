import { describe, expect, it } from 'vitest';
import { parseProjectTcl } from '../../../src/estimators/reports/project-tcl.js';
import { parseProjectYml } from '../../../src/estimators/reports/project-yml.js';
import { errorOf, fixtureText } from './fixtures.js';

describe('parseProjectTcl', () => {
  it('reads project.tcl as hls4ml writes it', () => {
    expect(parseProjectTcl(fixtureText('argykokk/CARDIO_LUT_reuse100/project.tcl'))).toEqual({
      projectName: 'myproject',
      backend: 'vitis',
      part: 'xc7z007s-clg225-2',
      clockPeriodNs: 3.33,
      clockUncertainty: '12.5%',
    });
  });

  it('reads the commands of an older build_prj.tcl and skips unresolved variables', () => {
    // Shape of the Tcl lines hls4ml ≤ 0.5 wrote into build_prj.tcl (hls4ml.md §5.3).
    const text = ['open_project -reset myproject_prj', 'set_top myproject', 'set_part {xcku115-flvb2104-2-i}', 'create_clock -period 5 -name default'].join('\n');
    expect(parseProjectTcl(text)).toEqual({ projectName: 'myproject', part: 'xcku115-flvb2104-2-i', clockPeriodNs: 5 });
    expect(parseProjectTcl('set_part $part\ncreate_clock -period $clock_period -name default\n')).toEqual({});
  });
});

describe('parseProjectYml', () => {
  it('reads the project settings and tolerates the !keras_model tag', () => {
    const s = parseProjectYml(fixtureText('argykokk/CARDIO_DSP_reuse1/hls4ml_config.yml'), 'hls4ml_config.yml');
    expect(s).toEqual({
      projectName: 'myproject', backend: 'Vitis', part: 'xc7z007s-clg225-2', clockPeriodNs: 5,
      ioType: 'io_parallel', strategy: 'latency', reuseFactor: 1,
    });
  });

  it('reads a Vivado-backend io_stream config', () => {
    const s = parseProjectYml(fixtureText('pominiq/hls4ml_prj/hls4ml_config.yml'), 'x');
    expect(s).toMatchObject({ backend: 'Vivado', part: 'xc7z020clg400-1', clockPeriodNs: 25, ioType: 'io_stream', reuseFactor: 16 });
  });

  it('refuses broken YAML and a non-mapping document', () => {
    const broken = errorOf(() => parseProjectYml('Part: [xc7z020\n', 'bad.yml'));
    expect(broken.code).toBe('corrupt-file');
    expect(broken.message).toMatch(/^not valid YAML: /);
    expect(errorOf(() => parseProjectYml('- a\n- b\n', 'list.yml')).message).toBe(
      'expected an hls4ml configuration mapping at the top level',
    );
  });
});
