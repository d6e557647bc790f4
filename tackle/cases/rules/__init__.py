"""Pure case rules over plain data: no database, tested exhaustively."""
