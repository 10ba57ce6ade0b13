lede
