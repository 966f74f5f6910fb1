/* eslint-env node */
/**
 * Builds the add-in into dist/: the task pane page (which is also the shared runtime: the custom functions run
 * inside it; the ribbon's one button is a ShowTaskpane action, which needs no script), functions.js +
 * functions.json for the manifest, manifest.xml, icons and the help pages of the functions and of the rules.
 *
 *   npm run build                                   local build: URLs stay https://localhost:3000/
 *   npm run build -- --env url=https://host/dsg/    deployment build (or set DSG_ADDIN_URL)
 *   npm run build:prod                              deployment build that refuses to run without a URL
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, Compilation, WebpackError } = require("webpack");
const {
  DEV_PORT,
  DEV_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_ROUTE,
  OFFICE_JS_DIR,
  SECURITY_HEADERS,
  readDevCertificates,
  HTTP_WARNING,
} = require("./scripts/serverSettings.cjs");

const FUNCTIONS = "./src/functions/functions.ts";

/**
 * The HTML pages. Each gets its own entry script; `runtime` lists the extra chunks a page hosts (the task
 * pane hosts the shared runtime). To add a page, add a line. `localOnly` pages stay out of deployment builds.
 */
const PAGES = [
  {
    name: "taskpane",
    script: "./src/taskpane/taskpane.ts",
    template: "./src/taskpane/taskpane.html",
    runtime: ["functions"],
  },
  // The task pane beside a read-only sample workbook over the stand-in Excel host (npm run workbench, browser tests).
  {
    name: "workbench",
    script: "./src/workbench/workbench.ts",
    template: "./src/workbench/workbench.html",
    runtime: [],
    localOnly: true,
  },
];

/** Scripts that are not pages of their own: functions.js is also loaded by Excel through the manifest. */
const SCRIPTS = {
  functions: FUNCTIONS,
};

/** Files whose dev URLs point at the deployment in a deployment build. */
const URL_BEARING_ASSETS = ["manifest.xml", "functions.json"];

/** An error for webpack-cli to print without a stack trace: the message says everything the user needs. */
function configError(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/** The deployment URL from `--env url=...` or DSG_ADDIN_URL, with a trailing slash; null for a local build. */
function deploymentUrl(env) {
  const given = env.url || process.env.DSG_ADDIN_URL;
  if (!given) {
    if (env.prod) {
      throw configError(
        "build:prod needs the address the add-in will be served from, for example:\n" +
          "  npm run build:prod -- --env url=https://example.org/dsg/\n" +
          "or set DSG_ADDIN_URL=https://example.org/dsg/"
      );
    }
    return null;
  }
  let url;
  try {
    url = new URL(given);
  } catch {
    throw configError(`The deployment URL "${given}" is not a valid URL.`);
  }
  if (url.protocol !== "https:")
    throw configError(`The deployment URL must use https (Office requires it): ${given}`);
  if (/^(localhost|127\.0\.0\.1)$/.test(url.hostname) && env.prod) {
    throw configError(`build:prod needs a public address, not ${given}.`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites every occurrence of the dev URL in manifest.xml and functions.json (help links). Runs after all
 * assets exist; a deployment build whose manifest still mentions localhost fails.
 */
class DeploymentUrlPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DeploymentUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "DeploymentUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const name of URL_BEARING_ASSETS) {
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const text = asset.source.source().toString().split(DEV_URL).join(this.url);
            compilation.updateAsset(name, new sources.RawSource(text));
            if (/localhost|127\.0\.0\.1/.test(text)) {
              compilation.errors.push(
                new WebpackError(`${name} still points at localhost after the URL rewrite.`)
              );
            }
          }
        }
      );
    });
  }
}

/** https with the Office dev certificates when they are installed and trusted; otherwise http and a warning. */
function devServerProtocol() {
  const certificates = readDevCertificates();
  if (certificates) return { type: "https", options: certificates };
  console.warn(HTTP_WARNING);
  return { type: "http" };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const url = deploymentUrl(env);
  // Published add-ins must load office.js from Microsoft's CDN; local builds use the npm copy, so the
  // workbench and the tests never reach outside the machine.
  const officeJs =
    env.officejs === "cdn" || (url && env.officejs !== "local")
      ? OFFICE_JS_CDN
      : OFFICE_JS_ROUTE + "office.js";
  const serving = Boolean(env.WEBPACK_SERVE);
  // The workbench embeds every sample workbook (megabytes of snapshots): users of a deployment never need it.
  const pages = PAGES.filter((page) => !(url && page.localOnly));

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      ...Object.fromEntries(pages.map((page) => [page.name, page.script])),
      ...SCRIPTS,
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      // dist/cli/ holds the dsg-validate bundle, built separately by esbuild (npm run build:cli).
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: "babel-loader" },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS, output: "functions.json" }),
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name, ...page.runtime],
            templateParameters: { officeJs },
          })
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...(url ? [] : [{ from: "src/workbench/workbench.css", to: "workbench.css" }]),
          { from: "docs/functions/*", to: "help/[name][ext]", noErrorOnMissing: true },
          // The rules' pages (npm run docs:rules) link ../functions/help.css and ../functions/index.html, which
          // the line above flattens into help/, so from help/rules/ the same files are one level up.
          {
            from: "docs/rules/*",
            to: "help/rules/[name][ext]",
            noErrorOnMissing: true,
            transform: (content) => content.toString().split('"../functions/').join('"../'),
          },
        ],
      }),
      ...(url ? [new DeploymentUrlPlugin(url)] : []),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          host: "localhost",
          port: DEV_PORT,
          headers: SECURITY_HEADERS,
          server: devServerProtocol(),
          static: [{ directory: OFFICE_JS_DIR, publicPath: `/${OFFICE_JS_ROUTE}` }],
        }
      : undefined,
  };
};
