/** Fixed vocabularies the generators draw from: sources, people, companies, products, pages. */
export const SOURCES = {
  web: "Wk3a9TQpLm",
  ios: "iOs7Hq2LxN",
  android: "AnD5rPq8Zt",
  server: "SrV2kLm9Qw",
  crm: "CrM4hTz1Bv",
  computed: "PeR8sNaQ1x",
} as const;

export type Platform = "web" | "ios" | "android" | "server";

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Mia", "Lucas", "Harper", "Mateo",
  "Evelyn", "Kai", "Aria", "Hiro", "Zara", "Ravi", "Ingrid", "Tomás", "Chloé", "Yusuf", "Mei", "Nia",
] as const;
export const LAST_NAMES = [
  "Smith", "Garcia", "Nguyen", "Müller", "Kowalski", "Okafor", "Tanaka", "Silva", "Rossi", "Dubois", "Johansson",
  "Patel", "Kim", "O'Brien", "Haddad", "Novak", "Fischer", "Lopez", "Ivanova", "Mensah",
] as const;
export const CITIES = [
  { city: "San Francisco", country: "US" }, { city: "New York", country: "US" }, { city: "Austin", country: "US" },
  { city: "London", country: "GB" }, { city: "Berlin", country: "DE" }, { city: "Paris", country: "FR" },
  { city: "Dublin", country: "IE" }, { city: "Toronto", country: "CA" }, { city: "Sydney", country: "AU" },
  { city: "São Paulo", country: "BR" }, { city: "Tokyo", country: "JP" }, { city: "Lagos", country: "NG" },
] as const;
export const TITLES = ["Engineer", "Product Manager", "Designer", "Marketing Lead", "Founder", "Analyst", "Support Lead", "CTO"] as const;
export const PLANS = ["free", "starter", "pro", "business", "enterprise"] as const;
export const INDUSTRIES = ["Retail", "Fintech", "Healthcare", "Media", "Logistics", "Education", "SaaS", "Travel"] as const;
export const COMPANY_WORDS = [
  "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent", "Cyberdyne", "Wonka",
  "Massive", "Pied Piper", "Aperture", "Black Mesa", "Oscorp", "Dunder", "Nakatomi", "Gringotts", "Monarch",
  "Prestige", "Sirius", "Virtucon", "Zorg", "Yoyodyne", "Gekko", "Rekall", "Bluth", "Sterling", "Wernham",
] as const;
export const CATEGORIES = ["Shoes", "Outdoor", "Electronics", "Books", "Home", "Apparel"] as const;
export const PRODUCTS = [
  { product_id: "sku_1001", name: "Trail Runner 2", category: "Shoes", price: 129.0 },
  { product_id: "sku_1002", name: "City Sneaker", category: "Shoes", price: 89.5 },
  { product_id: "sku_2001", name: "Ultralight Tent", category: "Outdoor", price: 349.0 },
  { product_id: "sku_2002", name: "Down Jacket", category: "Outdoor", price: 219.99 },
  { product_id: "sku_3001", name: "Noise-Cancelling Headphones", category: "Electronics", price: 299.0 },
  { product_id: "sku_3002", name: "E-Reader", category: "Electronics", price: 139.99 },
  { product_id: "sku_4001", name: "Designing Data-Intensive Applications", category: "Books", price: 42.5 },
  { product_id: "sku_5001", name: "Pour-Over Coffee Set", category: "Home", price: 54.0 },
  { product_id: "sku_6001", name: "Merino Tee", category: "Apparel", price: 65.0 },
] as const;
export const CURRENCIES = ["USD", "USD", "USD", "EUR", "GBP"] as const;
export const PAGES = [
  { path: "/", title: "Home – Acme Shop" },
  { path: "/pricing", title: "Pricing" },
  { path: "/products/trail-runner-2", title: "Trail Runner 2" },
  { path: "/products/ultralight-tent", title: "Ultralight Tent" },
  { path: "/cart", title: "Your cart" },
  { path: "/checkout", title: "Checkout" },
  { path: "/account/billing", title: "Billing" },
  { path: "/help/refunds", title: "Refunds – Help Center" },
  { path: "/blog/packing-list", title: "The ultimate packing list" },
  { path: "/docs/getting-started", title: "Getting started" },
] as const;
export const SCREENS = ["Home", "Search", "Product Detail", "Cart", "Orders", "Settings", "Notifications"] as const;
export const REFERRERS = ["https://www.google.com/", "https://duckduckgo.com/", "https://t.co/", "", "https://news.ycombinator.com/"] as const;
export const USER_AGENTS = {
  web: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  ios: "Acme/5.2.1 (iPhone; iOS 17.5.1; Scale/3.00)",
  android: "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A)",
  server: "analytics-node/2.1.0",
} as const;
export const LIBRARIES = {
  web: { name: "analytics.js", version: "next-1.70.0" },
  ios: { name: "analytics-swift", version: "1.5.9" },
  android: { name: "analytics-kotlin", version: "1.16.0" },
  server: { name: "@segment/analytics-node", version: "2.1.0" },
} as const;
