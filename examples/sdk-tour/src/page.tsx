// The home page (a Next.js server component): awaits the Vercel flag declared in src/vercel-flags.ts
// and asks the in-house `isOn` wrapper about gift cards.
import { summerSale } from "./vercel-flags.js";
import { isOn } from "./wrappers.js";

/** The storefront's home page. */
export default async function HomePage() {
  const sale = await summerSale();
  return (
    <main>
      {sale ? <section className="hero hero--sale">Summer sale: up to 40% off</section> : <section className="hero">New season</section>}
      {isOn("gift-cards") && <a href="/gift-cards">Gift cards</a>}
    </main>
  );
}
