sentiment basic.in | sentiment
