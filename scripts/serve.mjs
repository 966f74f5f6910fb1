/**
 * A small static server for the built add-in (dist/) on the loopback interface, with node's http/https only.
 * It serves office.js from the npm package at /office-js/ (local builds reference it there), sends the same
 * Content-Security-Policy as the dev server, and uses the Office dev certificates for https when they are
 * installed and trusted, plain http otherwise.
 *
 *   node scripts/serve.mjs [--port 3000] [--dir dist] [--http]
 *
 * Tests import `startServer` to serve a build on a free port (`port: 0`).
 */
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createReadStream, statSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import settings from "./serverSettings.cjs";

const {
  DEV_PORT,
  OFFICE_JS_ROUTE,
  OFFICE_JS_DIR,
  SECURITY_HEADERS,
  readDevCertificates,
  HTTP_WARNING,
} = settings;

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Where the file for a URL path lives, or null when the path escapes its folder. */
function fileFor(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const [base, rest] = pathname.startsWith(`/${OFFICE_JS_ROUTE}`)
    ? [OFFICE_JS_DIR, pathname.slice(OFFICE_JS_ROUTE.length + 1)]
    : [root, pathname];
  const file = path.join(base, rest.endsWith("/") ? `${rest}index.html` : rest);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Starts serving `dir` on 127.0.0.1. `protocol: "auto"` picks https when dev certificates are installed.
 * `/` redirects to `home` when that page exists.
 * @returns {Promise<{url: string, protocol: string, close: () => Promise<void>}>}
 */
export async function startServer({
  dir = "dist",
  port = DEV_PORT,
  protocol = "auto",
  home = "workbench.html",
} = {}) {
  const root = path.resolve(dir);
  const certificates = protocol === "http" ? null : readDevCertificates();
  if (protocol === "https" && !certificates)
    throw new Error("https was asked for but no dev certificate is installed.");

  const handle = (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD" }).end();
      return;
    }
    if (request.url === "/" && isFile(path.join(root, home))) {
      response.writeHead(302, { ...SECURITY_HEADERS, Location: `/${home}` }).end();
      return;
    }
    const file = fileFor(root, request.url ?? "/");
    if (!file || !isFile(file)) {
      response
        .writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
        .end("Not found\n");
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  };

  const server = certificates ? createHttpsServer(certificates, handle) : createHttpServer(handle);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const scheme = certificates ? "https" : "http";
  return {
    url: `${scheme}://localhost:${server.address().port}/`,
    protocol: scheme,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file where a running server notes its process id, so `npm stop` can end it. */
export function pidFile(port) {
  return path.join(tmpdir(), `dsg-addin-serve-${port}.pid`);
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** Serves until interrupted and prints where to go; used by `npm start` (Linux) and `npm run workbench`. */
export async function serveFromCommandLine(args) {
  const port = Number(option(args, "--port", DEV_PORT));
  const dir = option(args, "--dir", "dist");
  let server;
  try {
    server = await startServer({ dir, port, protocol: args.includes("--http") ? "http" : "auto" });
  } catch (error) {
    const why =
      error.code === "EADDRINUSE"
        ? `port ${port} is already in use (npm stop ends a server started here)`
        : error.message;
    console.error(`Could not start the server: ${why}`);
    process.exit(2);
  }
  writeFileSync(pidFile(port), String(process.pid));
  const stop = async () => {
    rmSync(pidFile(port), { force: true });
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  if (server.protocol === "http") console.warn(`${HTTP_WARNING}\n`);
  console.log(
    [
      `Serving ${dir}/ at ${server.url}`,
      "",
      `  Workbench (the task pane on sample workbooks, no Excel needed): ${server.url}workbench.html`,
      `  Task pane page:                                               ${server.url}taskpane.html`,
      "",
      "To use the add-in in Excel on the web (https only, so install the dev certificate first:",
      "npx office-addin-dev-certs install, then restart this server):",
      "  open a workbook, Home > Add-ins > More Settings (or Get Add-ins) > Upload My Add-in, and choose manifest.xml.",
      "",
      "Stop with Ctrl+C or npm stop.",
    ].join("\n")
  );
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await serveFromCommandLine(process.argv.slice(2));
}
