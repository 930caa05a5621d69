/** Markdown as block requests (the subset the emulator reads: headings, to-dos, bullets, quotes, dividers). */

/** Markdown lines as block requests. */
export const markdownBlocks = (markdown: string) =>
  markdown.split("\n").filter((line) => line.trim() !== "").map((line) => {
    const rich = (content: string) => ({ rich_text: [{ text: { content } }] })
    const heading = /^(#{1,3}) (.*)$/.exec(line)
    if (heading) return { type: `heading_${heading[1]!.length}`, [`heading_${heading[1]!.length}`]: rich(heading[2]!) }
    const todo = /^- \[( |x)\] (.*)$/.exec(line)
    if (todo) return { type: "to_do", to_do: { ...rich(todo[2]!), checked: todo[1] === "x" } }
    if (line.startsWith("- ")) return { type: "bulleted_list_item", bulleted_list_item: rich(line.slice(2)) }
    if (line.startsWith("> ")) return { type: "quote", quote: rich(line.slice(2)) }
    if (line === "---") return { type: "divider", divider: {} }
    return { type: "paragraph", paragraph: rich(line) }
  })
