// Copies the API documentation page and Swagger UI's prebuilt files (with their licence)
// next to the built page: npm run build runs it after vite.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../../api/src/main/resources/caseload-page/', import.meta.url));
const dist = `${web}node_modules/swagger-ui-dist/`;
mkdirSync(`${out}assets/api-docs`, { recursive: true });
copyFileSync(`${web}api-docs/index.html`, `${out}api-docs.html`);
copyFileSync(`${web}api-docs/init.js`, `${out}assets/api-docs/init.js`);
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE']) {
  copyFileSync(`${dist}${file}`, `${out}assets/api-docs/${file}`);
}
