import preset from '../../tests/jest.preset.js';
export default { ...preset, rootDir: '.', displayName: 'turf' };
