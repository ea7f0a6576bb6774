/**
 * Streams CSV lines as a download. The first two lines (header and the first page's first row)
 * are read before answering, so an authorization or query error is still a 4xx, not a broken file.
 */
export async function csvResponse(lines: AsyncGenerator<string>, name: string): Promise<Response> {
  const head: string[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await lines.next();
    if (!next.done) head.push(next.value);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head.join('')));
    },
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
