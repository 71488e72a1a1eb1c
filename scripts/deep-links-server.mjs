// A static server that answers like GitHub Pages for a project site
// served under a path prefix (`/larkspur/`): an existing file is 200; a
// directory is redirected to its trailing-slash form and then serves its
// index.html (200); anything else is the site's 404.html with status 404
// (that copy of index.html is what makes history-mode deep links load).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
};

async function fileAt(path) {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

async function isDir(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Serves `root` under `prefix`; `log` collects `[status, path]` pairs. */
export async function servePages(root, prefix = "/larkspur/") {
  root = resolve(root);
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = "/";
    }
    const send = async (status, file, headers = {}) => {
      log.push([status, url.pathname + url.search]);
      const body = file ? await readFile(file) : Buffer.from("not found");
      res.writeHead(status, {
        "content-type": file ? (MIME[extname(file)] ?? "application/octet-stream") : "text/plain",
        "content-length": body.length,
        "cache-control": "no-cache",
        ...headers,
      });
      res.end(body);
    };
    const notFound = async () => send(404, await fileAt(join(root, "404.html")));
    try {
      if (path + "/" === prefix) {
        return send(301, null, { location: prefix + url.search });
      }
      if (!path.startsWith(prefix)) return notFound();
      const target = normalize(join(root, path.slice(prefix.length)));
      if (target !== root && !target.startsWith(root + "/")) return notFound();
      const file = await fileAt(target);
      if (file) return send(200, file);
      if (await isDir(target)) {
        if (!path.endsWith("/")) return send(301, null, { location: path + "/" + url.search });
        const index = await fileAt(join(target, "index.html"));
        if (index) return send(200, index);
      }
      return notFound();
    } catch (e) {
      log.push([500, url.pathname]);
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}
