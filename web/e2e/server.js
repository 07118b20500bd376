// Global setup: a fresh database on the machine's PostgreSQL, the api jar on a free port of
// 127.0.0.1 with a token; the address and token go to the tests through the environment.
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const jar = `${root}api/target/caseload-api.jar`;

export default async function globalSetup() {
  if (!existsSync(jar)) throw new Error(`${jar} is missing: ./mvnw -B -pl api -am package -DskipTests`);
  const admin = new URL(process.env.CASELOAD_TEST_DB_URL ?? 'postgresql://postgres@127.0.0.1:5432/caseload_test');
  const name = `caseload_page_e2e_${process.pid}`;
  const psql = ['-h', admin.hostname, '-p', admin.port || '5432', '-U', admin.username || 'postgres', '-d', 'postgres', '-qc'];
  execFileSync('psql', [...psql, `DROP DATABASE IF EXISTS ${name}`]);
  execFileSync('psql', [...psql, `CREATE DATABASE ${name}`]);
  const dbUrl = new URL(admin);
  dbUrl.pathname = `/${name}`;
  const token = 'page-test-token';
  const server = spawn('java', ['-Xmx1g', '-jar', jar, '--host', '127.0.0.1', '--port', '0', '--run-slots', '1'], {
    cwd: root,
    env: { ...process.env, CASELOAD_DB_URL: dbUrl.toString(), CASELOAD_API_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${seen}`)), 60_000);
    const read = (chunk) => {
      seen += chunk;
      const m = /Caseload API on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${seen}`)));
  });
  process.env.CASELOAD_PAGE_URL = url;
  process.env.CASELOAD_PAGE_TOKEN = token;
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    execFileSync('psql', [...psql, `DROP DATABASE IF EXISTS ${name}`]);
  };
}
