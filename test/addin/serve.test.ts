/**
 * The local static server behind `npm start` (Linux) and `npm run workbench`: loopback only, the add-in's
 * Content-Security-Policy on every response, correct types, office.js from the npm package, nothing served
 * from outside its folder.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StartedServer } from "../../scripts/serve.mjs";

const dir = mkdtempSync(join(tmpdir(), "dsg-serve-"));
let server: StartedServer;

/** A raw GET (no URL normalisation, so `..` reaches the server as typed). */
function get(
  path: string
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, method: "GET" }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers })
      );
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  mkdirSync(join(dir, "site"));
  writeFileSync(join(dir, "site", "workbench.html"), "<!doctype html><title>w</title>");
  writeFileSync(join(dir, "site", "functions.json"), "{}");
  writeFileSync(join(dir, "secret.txt"), "outside the served folder");
  server = await startServer({ dir: join(dir, "site"), port: 0, protocol: "http" });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("scripts/serve.mjs", () => {
  it("should listen on localhost", () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
  });

  it.each([
    ["/workbench.html", "text/html; charset=utf-8"],
    ["/functions.json", "application/json; charset=utf-8"],
    ["/office-js/office.js", "text/javascript; charset=utf-8"],
  ])("should serve %s as %s with the Content-Security-Policy", async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe(type);
    expect(response.headers["content-security-policy"]).toBe(
      "default-src 'self' https://appsforoffice.microsoft.com; " +
        "script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'"
    );
  });

  it("should send / to the workbench", async () => {
    expect(await get("/")).toMatchObject({ status: 302, headers: { location: "/workbench.html" } });
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/office-js/../../secret.txt",
    "/missing.html",
    "/%E0%A4%A",
  ])("should answer %s with 404", async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
