import preset from '../../tests/jest.preset.js';
export default { ...preset, rootDir: '.', displayName: 'people-data' };
