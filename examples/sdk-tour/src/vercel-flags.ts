// Vercel's Flags SDK: `flag({ key, decide })` declares a flag once; pages read it by awaiting the
// handle (`await summerSale()`, in src/page.tsx), with no key at the call site.
import { flag } from "flags/next";

/** The summer sale banner and prices, for the weeks marketing switches it on. */
export const summerSale = flag<boolean>({
  key: "summer-sale",
  defaultValue: false,
  decide() {
    const month = new Date().getUTCMonth();
    return month >= 5 && month <= 7;
  },
});
