error-internal = Sorry, something went wrong on my side. Please try again; your registration so far is kept.
