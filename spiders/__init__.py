"""Spiders (SPIDER_MODULES): portal.py is the one generic portal spider."""
