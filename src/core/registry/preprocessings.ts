/**
 * The input preprocessings (`preprocess = …`), one descriptor each: its spellings, what it does in a
 * few words (completion, the panel's list) and in a sentence (the hover). The transforms themselves
 * are in engine/preprocess.ts (`preprocessInputs`) and editor/hover/conditioning.ts (`conditionAfter`),
 * each an exhaustive switch over `Preprocess`, so a kind added here without its maths does not compile.
 *
 *   none         x as it is                                H = E[x xᵀ] (with the mean's m mᵀ term)
 *   center       x − m                                     removes m mᵀ
 *   standardize  (x − m)/σ per component                   unit variances
 *   whiten       ZCA: C^{−1/2}(x − m)                      covariance ≈ I
 *   batchnorm    (xᵢ − μ_B,i)/√(σ²_B,i + ε) per batch B     training-mode batch norm, ε = 1e-5
 *   layernorm    (xₚ − mean(xₚ))/√(var(xₚ) + ε) per sample  a fixed per-sample transform
 *
 * Neither normalisation has the affine γ, β of the layers in a network: w and b already scale and
 * shift every normalised input, so γ and β would add nothing the neuron cannot learn.
 */

/** One preprocessing. */
export interface PreprocessDescriptor<K extends string = string> {
  readonly kind: K;
  /** Further spellings the spec accepts (British ones). */
  readonly aliases: readonly string[];
  /** A few words, for completion and the panel ("subtract the mean"). */
  readonly detail: string;
  /** The hover's line, with the Hessian's view ("subtract the mean m: removes the m mᵀ term from H"). */
  readonly hover: string;
}

const define = <const K extends string>(d: PreprocessDescriptor<K>): PreprocessDescriptor<K> => d;

/** Every preprocessing, in the order completion, hovers and the panel list them. */
export const PREPROCESS_LIST = [
  define({ kind: 'none', aliases: [], detail: 'inputs as they are', hover: 'inputs as they are' }),
  define({ kind: 'center', aliases: ['centre'], detail: 'subtract the mean', hover: 'subtract the mean m: removes the m mᵀ term from H' }),
  define({
    kind: 'standardize',
    aliases: ['standardise'],
    detail: 'centre and scale to unit variance',
    hover: 'centre, then divide each component by its standard deviation',
  }),
  define({ kind: 'whiten', aliases: [], detail: 'centre and decorrelate (ZCA)', hover: 'centre and decorrelate (ZCA): covariance ≈ I' }),
  define({
    kind: 'batchnorm',
    aliases: [],
    detail: "batch norm: each feature with its batch's mean and variance",
    hover:
      'training-mode batch normalisation: each step standardises every feature with the mean and variance of its own batch, x̂ᵢ = (xᵢ − μ_B,i)/√(σ²_B,i + ε), ε = 1e-5 (no affine γ, β: w and b already do their job). The objective changes from batch to batch, so the Hessian, κ, bounds and optimum shown are those of the full-data objective with full-data statistics; with batch 1 every normalised input is 0 and w cannot learn',
  }),
  define({
    kind: 'layernorm',
    aliases: [],
    detail: 'layer norm: each sample across its features',
    hover:
      "layer normalisation: each sample standardised across its own features, x̂ₚ = (xₚ − mean(xₚ))/√(var(xₚ) + ε), ε = 1e-5 (no affine γ, β). A fixed per-sample transform, so H, κ and the bounds are those of the normalised inputs; with n = 2 every sample becomes ±(1, −1)/√(1 + ε/d²) and the weights' Hessian has rank one",
  }),
] as const;

export type Preprocess = (typeof PREPROCESS_LIST)[number]['kind'];

/** The names, in registry order. */
export const PREPROCESS_KINDS: readonly Preprocess[] = PREPROCESS_LIST.map((d) => d.kind);

/** Every spelling → its kind (for the parser and "did you mean"). */
export const PREPROCESS_SPELLINGS: Readonly<Record<string, Preprocess>> = Object.fromEntries(
  PREPROCESS_LIST.flatMap((d) => [d.kind, ...d.aliases].map((s) => [s, d.kind])),
);

/** Whether `v` is a preprocessing's canonical name (own property only). */
export function isPreprocess(v: unknown): v is Preprocess {
  return typeof v === 'string' && (PREPROCESS_KINDS as readonly string[]).includes(v);
}

/** The descriptor of a kind. */
export function preprocessDescriptor(kind: Preprocess): PreprocessDescriptor<Preprocess> {
  return PREPROCESS_LIST.find((d) => d.kind === kind)!;
}
