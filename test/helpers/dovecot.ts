import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** A private Dovecot IMAP server (Debian's dovecot-imapd) on 127.0.0.1, for tests. */
export interface Dovecot {
  host: '127.0.0.1';
  port: number;
  users: Record<string, string>;
  /** A logged-in client of one user (cleartext: the server listens on loopback only). */
  client(user: string): Promise<ImapFlow>;
  /** What the server logged, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

const dovecotBin = () => (spawnSync('sh', ['-c', 'command -v dovecot || ls /usr/sbin/dovecot'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] || 'dovecot');

/** Whether Dovecot is installed here (.ci/run installs dovecot-imapd). */
export const hasDovecot = (): boolean => {
  const r = spawnSync(dovecotBin(), ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the server sends its IMAP greeting. */
async function waitForGreeting(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.setTimeout(1000, () => socket.destroy());
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not greet on port ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts Dovecot in the foreground with a generated configuration in a temporary directory: IMAP
 * only, on 127.0.0.1 and a free port, without TLS, the users' plaintext passwords in a passwd-file,
 * their maildirs, sockets, state and log all under that directory. As root, the mail is kept by
 * the unprivileged user nobody (Dovecot refuses mail access as root).
 */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'caredesk-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const [uid, gid] = root ? [65534, 65534] : [me.uid, me.gid];
  const mailDir = path.join(dir, 'mail');
  mkdirSync(mailDir);
  mkdirSync(path.join(dir, 'run'));
  if (root) chownSync(mailDir, uid, gid);
  const passwd = path.join(dir, 'passwd');
  writeFileSync(passwd, Object.entries(users).map(([name, password]) => `${name}:{PLAIN}${password}:${uid}:${gid}::${path.join(mailDir, name)}::\n`).join(''));
  const logFile = path.join(dir, 'dovecot.log');
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${path.join(dir, 'run')}`,
      `state_dir = ${path.join(dir, 'run', 'state')}`,
      `instance_name = caredesk-test-${port}`,
      `log_path = ${logFile}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      // No pause after a wrong password, nor the growing one for the next login from that address
      // (the auth penalty, off when its anvil socket is unusable): the tests try some on purpose.
      'auth_failure_delay = 0 secs',
      'mail_location = maildir:~/Maildir',
      // Changes made by another session reach an IDLE session within a second (inotify usually sooner).
      'mailbox_idle_check_interval = 1 secs',
      ...(root ? [] : [`default_internal_user = ${me.username}`, `default_login_user = ${me.username}`, 'first_valid_uid = 1']),
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${passwd}\n}`,
      `userdb {\n  driver = passwd-file\n  args = username_format=%u ${passwd}\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n${root ? '' : '  chroot =\n'}}`,
      `service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n${root ? '' : '  chroot =\n'}}`,
      '',
    ].join('\n'),
  );
  const child = spawn(dovecotBin(), ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => {
    let file = '';
    try {
      file = readFileSync(logFile, 'utf8');
    } catch {
      // not written yet
    }
    return `${output}\n${file}`;
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(port, child, 15_000);
  } catch (error) {
    const text = log();
    await stop();
    throw new Error(`${(error as Error).message}\n${text}`);
  }
  return {
    host: '127.0.0.1',
    port,
    users,
    log,
    stop,
    async client(user: string) {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: users[user] }, logger: false });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    },
  };
}
