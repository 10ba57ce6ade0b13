stem < basic.in | stem
