/** "1 post", "3 posts", "2 agencies": a count in the words the creator reads in logs and checks. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
