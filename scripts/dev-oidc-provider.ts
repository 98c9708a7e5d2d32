// A real OpenID Provider (oidc-provider) for development, demos and e2e tests, standing in for
// the national electronic identity (VNeID) and for an organisation's SSO. Never for production:
// anyone who can reach it can sign in as anyone.
//
//   npm run dev:oidc                      issuer http://127.0.0.1:9400
//   DEV_OIDC_PORT=9401 npm run dev:oidc
//
// Two clients, both confidential, authorization code + PKCE (S256), claims in the ID token:
//   motcua      → the app's "vneid" provider    (citizens: citizen_id, name, birthdate, phone, e-mail)
//   motcua-org  → the app's "org-sso" provider  (officers: e-mail, name)
// The app is configured with the env printed at start (VNEID_* and ORG_OIDC_*). The sign-in page
// lists test identities (the seeded demo citizens and officers, so linking can be seen, plus new
// people) and takes any other ID number or e-mail typed in.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { citizens, officers } from "../prisma/seed/accounts";

const DEFAULT_DEV_OIDC_PORT = 9400;
const DEV_OIDC_CLIENTS = {
  vneid: { clientId: "motcua", clientSecret: "motcua-dev-oidc-secret-vneid" },
  "org-sso": { clientId: "motcua-org", clientSecret: "motcua-dev-oidc-secret-org" },
} as const;

interface Identity {
  sub: string;
  kind: "citizen" | "officer";
  claims: Record<string, unknown>;
  /** Shown on the sign-in page. */
  label: string;
}

function opaqueSub(prefix: string, key: string): string {
  // Stable across restarts, so the same person is the same subject (the app links by subject).
  return `${prefix}-${createHash("sha256").update(`motcua-dev-oidc:${key}`).digest("hex").slice(0, 20)}`;
}

function citizenIdentity(person: { idNumber: string; name: string; dateOfBirth?: string; phone?: string; email?: string }, note: string): Identity {
  return {
    sub: opaqueSub("vn", person.idNumber),
    kind: "citizen",
    label: `${person.name} — ${person.idNumber}${note ? ` (${note})` : ""}`,
    claims: {
      citizen_id: person.idNumber,
      name: person.name,
      ...(person.dateOfBirth ? { birthdate: person.dateOfBirth } : {}),
      ...(person.phone ? { phone_number: person.phone, phone_number_verified: true } : {}),
      ...(person.email ? { email: person.email, email_verified: true } : {}),
    },
  };
}

function officerIdentity(person: { email: string; name: string }, note: string): Identity {
  return {
    sub: opaqueSub("org", person.email.toLowerCase()),
    kind: "officer",
    label: `${person.name} — ${person.email}${note ? ` (${note})` : ""}`,
    claims: { email: person.email.toLowerCase(), email_verified: true, name: person.name },
  };
}

/** Test identities: the seeded citizens (their first sign-in links to the demo account) and new people. */
const DEV_CITIZENS = [
  ...citizens.map((c) => citizenIdentity(c, "đã có tài khoản trên motcua")),
  citizenIdentity({ idNumber: "038196012345", name: "Phạm Thị Thu Trang", dateOfBirth: "1996-09-08", phone: "0900000201" }, "người mới"),
  citizenIdentity({ idNumber: "040201000789", name: "Hoàng Văn Bảo", dateOfBirth: "2001-01-27" }, "người mới"),
];

const DEV_OFFICERS = [
  ...officers.map((o) => officerIdentity(o, "")),
  officerIdentity({ email: "nguoingoai@motcua.test", name: "Người ngoài hệ thống" }, "không phải cán bộ"),
];

interface DevOidcProvider {
  issuer: string;
  port: number;
  /** VNEID_* and ORG_OIDC_* for the app. */
  appEnv: Record<string, string>;
  close(): Promise<void>;
}

interface DevOidcOptions {
  port?: number;
  host?: string;
  /** Public issuer URL when it differs from http://host:port (a tunnel, a demo host). */
  issuer?: string;
  /** Origins the app is reached on; callback URLs are registered for each. */
  appOrigins?: string[];
  /** Do not keep the process alive for the provider alone (when embedded in a test runner). */
  unref?: boolean;
}

export function defaultAppOrigins(ports: number[]): string[] {
  return ports.flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title><style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.4rem;color:#7f1d1d} .note{background:#fef3c7;border-left:4px solid #d97706;padding:.5rem .75rem}
fieldset{border:1px solid #d1d5db;border-radius:.4rem;margin:1rem 0;padding:.75rem 1rem} label{display:block;margin:.4rem 0}
input[type=text]{width:100%;padding:.4rem;border:2px solid #4b5563;border-radius:.25rem;box-sizing:border-box}
button{margin-top:.5rem;padding:.5rem 1rem;font-weight:600;border-radius:.25rem;border:2px solid #7f1d1d;background:#a11d21;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#7f1d1d}
</style></head><body>${body}</body></html>`;
}

function loginPage(uid: string, clientId: string): string {
  const officerClient = clientId === DEV_OIDC_CLIENTS["org-sso"].clientId;
  const identities = officerClient ? DEV_OFFICERS : DEV_CITIZENS;
  const radios = identities
    .map((identity, i) => `<label><input type="radio" name="sub" value="${html(identity.sub)}"${i === 0 ? " checked" : ""}> ${html(identity.label)}</label>`)
    .join("\n");
  const custom = officerClient
    ? `<label for="email">Email công vụ</label><input type="text" id="email" name="email" autocomplete="off">`
    : `<label for="citizen_id">Số định danh cá nhân (12 chữ số)</label><input type="text" id="citizen_id" name="citizen_id" inputmode="numeric" autocomplete="off">`;
  return page(
    officerClient ? "Đăng nhập tài khoản công vụ (thử nghiệm)" : "Đăng nhập VNeID (thử nghiệm)",
    `<h1>${officerClient ? "Đăng nhập tài khoản công vụ" : "Định danh điện tử VNeID"} — máy chủ thử nghiệm</h1>
<p class="note">Nhà cung cấp định danh giả lập cho phát triển và kiểm thử: chọn một danh tính, không cần mật khẩu.</p>
<form method="post" action="/interaction/${html(uid)}/login">
<fieldset><legend>Danh tính thử nghiệm</legend>${radios}</fieldset>
<fieldset><legend>Hoặc nhập danh tính khác</legend>${custom}
<label for="name">Họ và tên</label><input type="text" id="name" name="name" autocomplete="off"></fieldset>
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${html(uid)}/abort"><button type="submit" class="secondary">Hủy</button></form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

export async function startDevOidcProvider(options: DevOidcOptions = {}): Promise<DevOidcProvider> {
  const port = options.port ?? DEFAULT_DEV_OIDC_PORT;
  const host = options.host ?? "127.0.0.1";
  const issuer = (options.issuer ?? `http://${host}:${port}`).replace(/\/+$/, "");
  const appOrigins = options.appOrigins ?? defaultAppOrigins([3000, 3200]);

  const accounts = new Map<string, Identity>([...DEV_CITIZENS, ...DEV_OFFICERS].map((identity) => [identity.sub, identity]));
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const configuration: Configuration = {
    clients: (["vneid", "org-sso"] as const).map((provider) => ({
      client_id: DEV_OIDC_CLIENTS[provider].clientId,
      client_secret: DEV_OIDC_CLIENTS[provider].clientSecret,
      redirect_uris: appOrigins.map((origin) => `${origin}/api/auth/callback/${provider}`),
      post_logout_redirect_uris: appOrigins.map((origin) => `${origin}/`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    // PKCE on every authorization request, as the app sends it.
    pkce: { required: () => true },
    // Put the scopes' claims in the ID token itself (the app reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    claims: {
      openid: ["sub"],
      profile: ["name", "family_name", "given_name", "birthdate", "citizen_id"],
      email: ["email", "email_verified"],
      phone: ["phone_number", "phone_number_verified"],
    },
    scopes: ["openid", "profile", "email", "phone"],
    features: { devInteractions: { enabled: false } },
    // Short-lived artifacts; a provider session lasts a working day.
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 3600, Session: 8 * 3600, Grant: 8 * 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "dev-oidc-rs256" }] as never },
    async findAccount(_ctx, sub) {
      const identity = accounts.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...identity.claims }) };
    },
    // First-party test clients: consent is implied, so no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope([...(oidc.requestParamScopes ?? new Set(["openid"]))].join(" "));
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page("Lỗi", `<h1>Lỗi đăng nhập</h1><pre>${html(JSON.stringify(out, null, 2))}</pre>`);
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  const oidcCallback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    const clientId = String(details.params.client_id ?? "");
    if (req.method === "GET" && !action) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(loginPage(uid, clientId));
      return;
    }
    if (req.method === "POST" && action === "abort") {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "Người dùng đã hủy đăng nhập" }, { mergeWithLastSubmission: false });
      return;
    }
    if (req.method === "POST" && action === "login") {
      const form = await readForm(req);
      const name = form.get("name")?.trim();
      const citizenId = form.get("citizen_id")?.replace(/\s/g, "");
      const email = form.get("email")?.trim().toLowerCase();
      let sub = form.get("sub") ?? "";
      if (citizenId) {
        if (!/^\d{12}$/.test(citizenId)) throw new Error("Số định danh cá nhân phải có 12 chữ số");
        const identity = citizenIdentity({ idNumber: citizenId, name: name || `Công dân ${citizenId.slice(-4)}` }, "nhập tay");
        accounts.set(identity.sub, accounts.get(identity.sub) ?? identity);
        sub = identity.sub;
      } else if (email) {
        const identity = officerIdentity({ email, name: name || email }, "nhập tay");
        accounts.set(identity.sub, accounts.get(identity.sub) ?? identity);
        sub = identity.sub;
      }
      if (!accounts.has(sub)) throw new Error("Chưa chọn danh tính");
      await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(405).end();
  }

  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) {
      oidcCallback(req, res);
      return;
    }
    interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      res.writeHead(400, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page("Lỗi", `<h1>Lỗi</h1><p>${html((error as Error).message)}</p><p><a href="javascript:history.back()">Quay lại</a></p>`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      if (options.unref) server.unref();
      resolve();
    });
  });

  return {
    issuer,
    port,
    appEnv: {
      VNEID_ISSUER: issuer,
      VNEID_CLIENT_ID: DEV_OIDC_CLIENTS.vneid.clientId,
      VNEID_CLIENT_SECRET: DEV_OIDC_CLIENTS.vneid.clientSecret,
      ORG_OIDC_ISSUER: issuer,
      ORG_OIDC_CLIENT_ID: DEV_OIDC_CLIENTS["org-sso"].clientId,
      ORG_OIDC_CLIENT_SECRET: DEV_OIDC_CLIENTS["org-sso"].clientSecret,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What `npm start` and `npm run dev:oidc` print. */
export function describeDevOidc(provider: DevOidcProvider): string {
  const citizenLines = DEV_CITIZENS.map((identity) => `    ${identity.label}`).join("\n");
  return [
    `Nhà cung cấp định danh thử nghiệm / dev OpenID Provider: ${provider.issuer}`,
    `  VNeID (công dân / citizens), chọn trên trang đăng nhập hoặc nhập số định danh bất kỳ:`,
    citizenLines,
    `  Tài khoản công vụ (cán bộ / officers): e-mail của các tài khoản cán bộ dùng thử ở trên.`,
  ].join("\n");
}

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ports = (process.env.DEV_OIDC_APP_PORTS ?? "3000,3200").split(",").map((p) => Number(p.trim())).filter(Number.isInteger);
  startDevOidcProvider({
    port: intFromEnv("DEV_OIDC_PORT", DEFAULT_DEV_OIDC_PORT),
    host: process.env.DEV_OIDC_HOST || undefined,
    issuer: process.env.DEV_OIDC_ISSUER || undefined,
    appOrigins: defaultAppOrigins(ports),
  })
    .then((provider) => {
      process.stdout.write(`${describeDevOidc(provider)}\n\nFor the app (.env):\n`);
      for (const [key, value] of Object.entries(provider.appEnv)) process.stdout.write(`${key}=${value}\n`);
      process.stdout.write(`\nCallback URLs registered for: ${ports.map((p) => `localhost:${p}, 127.0.0.1:${p}`).join("; ")} (DEV_OIDC_APP_PORTS)\n`);
      const stop = () => void provider.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`dev OIDC provider: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
