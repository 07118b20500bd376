// Static checks run with the unit tests (npm test): names that are not defined (a function
// removed while a caller remained had thrown only in the browser), unused variables, and
// ESLint's recommended rules.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/**/*.js', 'api-docs/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.js', 'e2e/**/*.js', 'scripts/**/*.js', '*.config.js'],
    languageOptions: {
      ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser },
    },
  },
];
