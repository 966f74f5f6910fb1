/**
 * Settings shared by every local server of the add-in (webpack-dev-server in webpack.config.js and
 * scripts/serve.mjs): dev certificates, response headers, and where office.js is served from.
 */
const fs = require("fs");
const path = require("path");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/** The dev URL written in manifest.xml and in the functions' help links; production builds replace it. */
const DEV_URL = "https://localhost:3000/";

/** Microsoft's CDN copy of office.js: required for published add-ins. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Local builds load office.js from this path instead, served by our servers from the npm package
 * (86 MB of per-host and per-language files, so it is mapped rather than copied into dist/).
 */
const OFFICE_JS_ROUTE = "office-js/";
const OFFICE_JS_DIR = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist"
);

/**
 * Pages may run only our own scripts and office.js from Microsoft's CDN. No frame-ancestors: Excel on the
 * web shows the task pane in an iframe of its own origin. Access-Control-Allow-Origin: Excel on the web
 * fetches functions.json cross-origin.
 */
const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self' https://appsforoffice.microsoft.com; " +
    "script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'",
  "X-Content-Type-Options": "nosniff",
  "Access-Control-Allow-Origin": "*",
};

/**
 * Reads the certificates that `npx office-addin-dev-certs install` creates in ~/.office-addin-dev-certs.
 * We only ever read them: installing the developer CA needs administrator rights (sudo on Linux), which a
 * build, a server or a test must never ask for.
 * @returns {{ca: Buffer, cert: Buffer, key: Buffer} | null} null when absent, invalid or not trusted.
 */
function readDevCertificates() {
  try {
    const devCerts = require("office-addin-dev-certs");
    // Checks that the localhost certificate matches its key and that the CA is trusted.
    if (!devCerts.verifyCertificates()) return null;
    const defaults = require("office-addin-dev-certs/lib/defaults");
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  } catch {
    return null;
  }
}

const HTTP_WARNING =
  "Warning: no trusted developer certificate, so serving over plain http.\n" +
  "Excel (desktop and web) loads add-ins only over https. To fix, run once: npx office-addin-dev-certs install";

module.exports = {
  DEV_PORT,
  DEV_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_ROUTE,
  OFFICE_JS_DIR,
  SECURITY_HEADERS,
  readDevCertificates,
  HTTP_WARNING,
};
