// Builds the front end into safeguarding_qa/static/build (git-ignored):
// GOV.UK Frontend's Sass compiled with Arial, its JavaScript, and its images.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "safeguarding_qa", "static", "build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "frontend", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
if (result.css.includes("GDS Transport")) {
  throw new Error("The compiled CSS mentions GDS Transport; it must use Arial only.");
}
writeFileSync(join(out, "app.css"), result.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "frontend", "init.mjs"), join(out, "init.mjs"));
// Images only (favicons, icons); the GDS Transport fonts are deliberately not copied.
cpSync(join(govuk, "assets", "images"), join(out, "assets", "images"), { recursive: true });
cpSync(join(root, "node_modules", "axe-core", "axe.min.js"), join(out, "axe.min.js"));
console.log(`Built ${out} (${readFileSync(join(out, "app.css")).length} bytes of CSS)`);
