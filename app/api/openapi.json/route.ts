import { json } from '@/lib/http/api';
import { openApiDocument } from '@/lib/http/openapi';

/** GET /api/openapi.json — the partner API's OpenAPI 3.1 document (public). */
export function GET() {
  return json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
