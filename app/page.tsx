export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-semibold">Profile Sidebar</h1>
      <p className="text-fg-muted mt-2">Look up a customer by identifier.</p>
    </main>
  );
}
