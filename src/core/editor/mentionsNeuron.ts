/**
 * The gate in front of every embedded-language feature. A spec outside a `.neuron` file is either
 * a `neuron:` annotation in a comment or a ```neuron fence in Markdown, and both spell the word,
 * so a document whose text never contains "neuron" (in any letter case) holds no spec: it is not
 * scanned, parsed or analysed, and the analysis worker is not started for it.
 */
const WORD = /neuron/i;

/** Whether `text` may hold an embedded spec (false: it certainly holds none). */
export function mentionsNeuron(text: string): boolean {
  return WORD.test(text);
}
