/* STUB — being replaced by the server. */
#include "model/model.h"
int main(void) { return model_init(); }
