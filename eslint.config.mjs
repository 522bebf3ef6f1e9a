// ESLint (flat config) for the book's own JavaScript: the explorables' script.
// `npm ci && npx eslint book/_explorables` (see the Makefile's lint-js lines in README).
import js from "@eslint/js";

export default [
  js.configs.recommended,
  {
    files: ["book/_explorables/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        window: "readonly",
        document: "readonly",
      },
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: "error",
      strict: ["error", "function"],
      "no-implicit-globals": "error",
    },
  },
];
