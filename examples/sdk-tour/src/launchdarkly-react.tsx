// LaunchDarkly's React SDK: `useFlags()` hands out camelCased keys (`newNavigation`); deadflag links
// them back to the kebab-case keys that `deadflag.config.json` declares (`new-navigation`).
import { useFlags } from "launchdarkly-react-client-sdk";

interface HeaderProps {
  cartCount: number;
}

/** The site header: the new mega-menu navigation and the dark theme are rolled out by LaunchDarkly. */
export function Header({ cartCount }: HeaderProps) {
  const { newNavigation, darkMode } = useFlags();
  return (
    <header className={darkMode ? "header header--dark" : "header"}>
      {newNavigation ? (
        <nav className="mega-menu">
          <a href="/new">New in</a>
          <a href="/collections">Collections</a>
        </nav>
      ) : (
        <nav>
          <a href="/shop">Shop</a>
        </nav>
      )}
      <a href="/cart">Cart ({cartCount})</a>
    </header>
  );
}
