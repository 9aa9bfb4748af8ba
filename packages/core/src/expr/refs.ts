import type { ExprNode } from "./nodes";

/** The columns an expression references, in order of first mention. */
export function exprColumns(node: ExprNode): string[] {
  const out = new Set<string>();
  const visit = (n: ExprNode): void => {
    switch (n.kind) {
      case "column":
        out.add(n.name);
        return;
      case "literal":
        return;
      case "binary":
        visit(n.left);
        visit(n.right);
        return;
      case "unary":
      case "trunc":
      case "replace":
      case "substring":
      case "in":
      case "cast":
        visit(n.arg);
        return;
      case "coalesce":
      case "greatest":
      case "least":
        n.args.forEach(visit);
        return;
      case "case":
        for (const branch of n.branches) {
          visit(branch.when);
          visit(branch.result);
        }
        visit(n.otherwise);
        return;
    }
  };
  visit(node);
  return [...out];
}
