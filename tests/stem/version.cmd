stem --version
