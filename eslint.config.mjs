// One formatter/linter, in the Effect style: dprint (2 spaces, 120 columns, no semicolons, double quotes)
// through @effect/eslint-plugin, plus typescript-eslint's recommended rules.
import effect from "@effect/eslint-plugin"
import js from "@eslint/js"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    // effect4/packages is generated from packages/ by scripts/effect4 (its adapters are linted)
    ignores: ["**/node_modules/**", "**/build/**", "**/dist/**", "**/artifacts/**", "effect4/packages/**"]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mjs"],
    plugins: { "@effect": effect },
    rules: {
      "@effect/dprint": ["error", {
        config: {
          indentWidth: 2,
          lineWidth: 120,
          semiColons: "asi",
          quoteStyle: "alwaysDouble",
          trailingCommas: "never",
          operatorPosition: "maintain",
          "arrowFunction.useParentheses": "force"
        }
      }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": ["error", { paths: ["@effect/schema"], patterns: ["@effect/schema/*"] }]
    }
  },
  {
    files: ["**/*.mjs"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        performance: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setTimeout: "readonly",
        fetch: "readonly",
        Buffer: "readonly",
        URL: "readonly"
      }
    }
  }
)
